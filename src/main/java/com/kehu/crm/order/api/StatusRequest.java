package com.kehu.crm.order.api;

import com.kehu.crm.order.OrderStatus;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/v1/orders/{id}/status}. */
public record StatusRequest(@NotNull OrderStatus status) {}
