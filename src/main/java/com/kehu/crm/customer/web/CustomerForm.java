package com.kehu.crm.customer.web;

import com.kehu.crm.customer.CustomerDetails;
import com.kehu.crm.customer.CustomerDetailsData;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.ProfileSchema;
import com.kehu.crm.customer.Region;
import com.kehu.crm.customer.RegisterCustomer;
import com.kehu.crm.customer.RelationCategory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** What the create and edit screens post. Bound field by field; never an entity. */
@Getter
@Setter
public class CustomerForm {

    @NotNull
    private CustomerKind kind = CustomerKind.ENTERPRISE;

    @Size(max = 20)
    @Pattern(regexp = "[A-Za-z0-9-]*", message = "{customer.code.pattern}")
    private @Nullable String code;

    @NotBlank
    @Size(max = 200)
    private String name = "";

    @Size(max = 40)
    @Pattern(regexp = "[0-9+()\\- ]*", message = "{customer.phone.pattern}")
    private @Nullable String phone;

    @Email
    @Size(max = 200)
    private @Nullable String email;

    @Size(max = 500)
    private @Nullable String address;

    private @Nullable Region region;
    private @Nullable Industry industry;
    private @Nullable CustomerSource source;

    @NotNull
    private RelationCategory relationCategory = RelationCategory.B2B;

    @NotNull
    private Importance importance = Importance.ORDINARY;

    @NotNull
    private CustomerStatus status = CustomerStatus.POTENTIAL;

    private @Nullable Long ownerId;

    @Size(max = 400)
    private String tags = "";

    private Map<String, String> profile = new LinkedHashMap<>();

    private long version;

    public static CustomerForm of(CustomerDetails c) {
        CustomerForm form = new CustomerForm();
        form.kind = c.kind();
        form.code = c.code();
        form.name = c.name();
        form.phone = c.phone();
        form.email = c.email();
        form.address = c.address();
        form.region = c.region();
        form.industry = c.industry();
        form.source = c.source();
        form.relationCategory = c.relationCategory();
        form.importance = c.importance();
        form.status = c.status();
        form.ownerId = c.ownerId();
        form.tags = String.join(", ", c.tags());
        form.profile = new LinkedHashMap<>(c.profile());
        form.version = c.version();
        return form;
    }

    /** Checks the profile fields against the declared schema; errors go on {@code profile[key]}. */
    void validateProfile(Errors errors) {
        profile.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                ProfileSchema.field(kind, key)
                        .flatMap(f -> f.problemWith(value.strip()))
                        .ifPresent(code -> errors.rejectValue("profile[" + key + "]", code));
            }
        });
    }

    CustomerDetailsData toData() {
        return new CustomerDetailsData(
                name,
                phone,
                email,
                address,
                region,
                industry,
                source,
                relationCategory,
                importance,
                status,
                tagList(),
                profile);
    }

    RegisterCustomer toRegister() {
        return new RegisterCustomer(kind, code, toData(), ownerId);
    }

    List<String> tagList() {
        return Arrays.stream(tags.split("[,，;；]"))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }
}
