package com.kehu.crm.support.web;

import com.kehu.crm.support.TicketChannel;
import com.kehu.crm.support.TicketData;
import com.kehu.crm.support.TicketDetails;
import com.kehu.crm.support.TicketPriority;
import com.kehu.crm.support.TicketType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** What the ticket form posts, on logging and on editing (then with the version). */
@Getter
@Setter
public class TicketForm {

    private @Nullable Long customerId;

    private @Nullable Long contactId;

    private @Nullable Long orderId;

    @NotNull
    private TicketChannel channel = TicketChannel.PHONE;

    @NotNull
    private TicketType type = TicketType.INQUIRY;

    @NotNull
    private @Nullable Long categoryId;

    @NotNull
    private TicketPriority priority = TicketPriority.NORMAL;

    @NotBlank
    @Size(max = 200)
    private String subject = "";

    @Size(max = 10000)
    private @Nullable String description;

    private @Nullable Long assigneeId;

    private long version;

    static TicketForm of(TicketDetails t) {
        TicketForm form = new TicketForm();
        form.customerId = t.row().customerId();
        form.contactId = t.contactId();
        form.orderId = t.orderId();
        form.channel = t.row().channel();
        form.type = t.row().type();
        form.categoryId = t.categoryId();
        form.priority = t.row().priority();
        form.subject = t.row().subject();
        form.description = t.description();
        form.assigneeId = t.row().assigneeId();
        form.version = t.row().version();
        return form;
    }

    TicketData toData() {
        return new TicketData(channel, type, categoryId == null ? 0 : categoryId, priority, subject, description);
    }
}
