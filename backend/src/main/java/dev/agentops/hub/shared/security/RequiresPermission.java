package dev.agentops.hub.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least permission an endpoint needs; checked by {@link PermissionRule} before the controller runs.
 * Without the permission an authenticated caller gets 403 forbidden, an anonymous one 401.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface RequiresPermission {
    Permission value();
}
