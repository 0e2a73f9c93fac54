/**
 * Building blocks every module may use: the base entity, paging and error handling for the web layer,
 * locale-aware formatting, and the database bootstrap (embedded PostgreSQL in demo mode).
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package com.kehu.crm.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
