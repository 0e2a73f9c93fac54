package com.kehu.crm.customer.api;

import com.kehu.crm.customer.CustomerDetailsData;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import com.kehu.crm.customer.RelationCategory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST and PUT. {@code kind} and {@code code} are only read on create; {@code version} is required on
 * update; {@code owner} is a username (omitted: the caller).
 */
public record CustomerRequest(
        @Nullable CustomerKind kind,

        @Nullable @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9-]*")
        String code,

        @NotBlank @Size(max = 200) String name,

        @Nullable @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*")
        String phone,

        @Nullable @Email @Size(max = 200) String email,
        @Nullable @Size(max = 500) String address,
        @Nullable Industry industry,
        @Nullable Region region,
        @Nullable CustomerSource source,
        @Nullable RelationCategory relationCategory,
        @Nullable Importance importance,
        @Nullable CustomerStatus status,
        @Nullable String owner,
        @Nullable @Size(max = 20) List<@Size(max = 40) String> tags,
        @Nullable Map<String, String> profile,
        @Nullable Long version) {

    CustomerKind kindOrDefault() {
        return kind == null ? CustomerKind.ENTERPRISE : kind;
    }

    CustomerDetailsData toData() {
        CustomerKind k = kindOrDefault();
        return new CustomerDetailsData(
                name,
                phone,
                email,
                address,
                region,
                industry,
                source,
                relationCategory != null
                        ? relationCategory
                        : (k == CustomerKind.INDIVIDUAL ? RelationCategory.CONSUMER : RelationCategory.B2B),
                importance == null ? Importance.ORDINARY : importance,
                status == null ? CustomerStatus.POTENTIAL : status,
                tags == null ? List.of() : tags,
                profile == null ? Map.of() : profile);
    }
}
