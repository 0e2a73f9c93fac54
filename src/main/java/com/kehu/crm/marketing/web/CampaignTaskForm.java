package com.kehu.crm.marketing.web;

import com.kehu.crm.marketing.CampaignTaskPhase;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A step of an exhibition's contact plan. */
@Getter
@Setter
public class CampaignTaskForm {

    @NotNull
    private @Nullable CampaignTaskPhase phase = CampaignTaskPhase.PRE_SHOW;

    @NotBlank
    @Size(max = 200)
    private String title = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate dueOn;

    private @Nullable Long assigneeId;
}
