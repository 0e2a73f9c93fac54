/**
 * Users, teams and roles; sign-in with throttling; the password policy; who may see whose records
 * ({@link com.kehu.crm.identity.OwnerScope}). Every other module asks this one for the {@link
 * com.kehu.crm.identity.CurrentUser}; it depends on no other module.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package com.kehu.crm.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
