package com.kehu.crm.identity.web;

import com.kehu.crm.identity.CreateUser;
import com.kehu.crm.identity.Language;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UpdateUser;
import com.kehu.crm.identity.UserDetailsView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** The admin's user form; the password is only used (and required) when creating. */
@Getter
@Setter
class UserForm {

    @NotBlank
    @Size(min = 2, max = 40)
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{user.username.pattern}")
    private String username = "";

    @NotBlank
    @Size(max = 100)
    private String displayName = "";

    @NotNull
    private @Nullable Role role = Role.SALES_REP;

    private @Nullable Long teamId;
    private @Nullable String language;
    private @Nullable String password;
    private long version;

    static UserForm of(UserDetailsView user) {
        UserForm form = new UserForm();
        form.username = user.username();
        form.displayName = user.displayName();
        form.role = user.role();
        form.teamId = user.teamId();
        form.language = user.preferredLanguage() == null
                ? null
                : user.preferredLanguage().tag();
        form.version = user.version();
        return form;
    }

    CreateUser toCreate() {
        return new CreateUser(
                username, displayName, role, teamId, Language.fromTag(language), password == null ? "" : password);
    }

    UpdateUser toUpdate() {
        return new UpdateUser(version, displayName, role, teamId, Language.fromTag(language));
    }
}
