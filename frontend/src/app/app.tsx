import { useState } from 'react'
import { RouterProvider } from 'react-router/dom'
import { AppProvider, createQueryClient } from '@/app/provider'
import { createAppRouter } from '@/app/router'

export function App() {
  const [queryClient] = useState(createQueryClient)
  const [router] = useState(() => createAppRouter(queryClient))
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
