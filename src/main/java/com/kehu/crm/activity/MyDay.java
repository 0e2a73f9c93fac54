package com.kehu.crm.activity;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.order.ReorderQueries;
import com.kehu.crm.order.ReorderRow;
import com.kehu.crm.sales.SalesAgenda;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A seller's "my day" (我的一天): what is due today or overdue, and what needs attention soon. Always their own. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class MyDay {

    static final int LIMIT = 50;
    static final int REORDER_LIMIT = 10;

    private final ActivityQueries activities;
    private final SalesAgenda agenda;
    private final BusinessCalendar day;
    private final ReorderQueries reorders;

    public record Agenda(
            LocalDate today,
            List<ActivityRow> overdueTasks,
            List<ActivityRow> todaysTasks,
            List<ActivityRow> followUpsDue,
            List<SalesAgenda.LeadDue> leadsAboutToReturn,
            List<SalesAgenda.DealClosing> dealsClosingThisMonth,
            List<ReorderRow> dueToReorder) {}

    public Agenda of(CurrentUser user) {
        OwnerScope me = OwnerScope.of(java.util.Set.of(user.id()));
        return new Agenda(
                day.today(),
                activities.openTasks(me, null, day.now(), LIMIT),
                activities.openTasks(me, day.now(), day.endOfToday(), LIMIT),
                activities.followUpsDue(user.id(), day.today(), LIMIT),
                agenda.leadsAboutToReturn(user.id(), LIMIT),
                agenda.dealsClosingIn(user.id(), day.thisMonth(), LIMIT),
                reorders.topFor(user.id(), REORDER_LIMIT));
    }
}
