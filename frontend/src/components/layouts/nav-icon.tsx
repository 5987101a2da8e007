import {
  Activity,
  Bell,
  Bot,
  CircleDollarSign,
  ClipboardCheck,
  LayoutDashboard,
  type LucideIcon,
  Power,
  ScrollText,
  Settings,
  ShieldCheck,
  Wallet,
} from 'lucide-react'
import type { NavIcon as NavIconName } from '@/components/layouts/nav-items'

const icons: Record<NavIconName, LucideIcon> = {
  dashboard: LayoutDashboard,
  agents: Bot,
  runs: Activity,
  costs: CircleDollarSign,
  budgets: Wallet,
  policies: ShieldCheck,
  approvals: ClipboardCheck,
  controls: Power,
  audit: ScrollText,
  notifications: Bell,
  settings: Settings,
}

export function NavIcon({ name, className }: { name: NavIconName; className?: string }) {
  const Icon = icons[name]
  return <Icon aria-hidden className={className} strokeWidth={1.75} />
}
