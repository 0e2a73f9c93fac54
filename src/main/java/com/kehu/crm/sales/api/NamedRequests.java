package com.kehu.crm.sales.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Small bodies of the lead state changes. */
final class NamedRequests {

    private NamedRequests() {}

    record Assign(@NotNull @Nullable Long ownerId) {}

    record Disqualify(@NotBlank @Size(max = 500) String reason) {}
}
