/**
 * Support (客户服务): service tickets with SLAs and escalation, the agent's queue, the solution knowledge base
 * (解决方案) and call records (呼叫中心). Owns the {@code ticket*}, {@code kb_*} and {@code call_record} tables; a
 * ticket belongs to a customer and is visible to whoever may see the customer, and to every support agent.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customer", "contact", "order", "notification"})
@NullMarked
package com.kehu.crm.support;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
