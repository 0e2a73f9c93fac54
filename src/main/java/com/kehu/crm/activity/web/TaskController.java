package com.kehu.crm.activity.web;

import com.kehu.crm.activity.ActivityQueries;
import com.kehu.crm.activity.ActivityService;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Open tasks (任务): overdue, today and upcoming; one's own, or a manager's whole team. */
@Controller
@RequestMapping("/tasks")
@RequiredArgsConstructor
class TaskController {

    static final int SECTION_SIZE = 50;

    private final ActivityQueries queries;
    private final ActivityService service;
    private final UserQueries users;
    private final BusinessCalendar day;

    @GetMapping
    String list(
            @RequestParam(defaultValue = "false") boolean team,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        boolean canSeeTeam = user.isManager() || user.isAdmin();
        boolean showTeam = team && canSeeTeam;
        OwnerScope owners = showTeam ? users.ownerScope(user) : OwnerScope.of(Set.of(user.id()));
        model.addAttribute("overdue", queries.openTasks(owners, null, day.now(), SECTION_SIZE));
        model.addAttribute("today", queries.openTasks(owners, day.now(), day.endOfToday(), SECTION_SIZE));
        model.addAttribute("upcoming", queries.openTasks(owners, day.endOfToday(), null, SECTION_SIZE));
        model.addAttribute("team", showTeam);
        model.addAttribute("canSeeTeam", canSeeTeam);
        return "tasks/list";
    }

    /** Marks one's own task done and returns to the list it was done from. */
    @PostMapping("/{id}/done")
    String done(
            @PathVariable long id,
            @RequestParam(defaultValue = "tasks") String from,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        service.markDone(id, principal.currentUser());
        com.kehu.crm.shared.web.Flash.success(flash, "task.doneMessage");
        // only known pages, never a URL from the request
        return "my-day".equals(from) ? "redirect:/my-day" : "redirect:/tasks";
    }
}
