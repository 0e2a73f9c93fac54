package com.kehu.crm.identity.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.HandoverNotAllowedException;
import com.kehu.crm.identity.HandoverService;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.web.Flash;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Handover when a rep leaves (工作交接): choose who leaves and who takes over, confirm the counts, then everything
 * moves in one step. Below it, the history of past handovers.
 */
@Controller
@RequestMapping("/team/handover")
@RequiredArgsConstructor
class HandoverController {

    private final HandoverService handovers;

    @GetMapping
    String page(
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        return render(model, principal.currentUser(), null, null, null, null, page);
    }

    /** The confirmation step: nothing changes yet, the counts show what will. */
    @PostMapping("/preview")
    String preview(
            @RequestParam(required = false) @Nullable Long fromUserId,
            @RequestParam(required = false) @Nullable Long toUserId,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        if (fromUserId == null || toUserId == null) {
            return render(model, user, fromUserId, toUserId, null, "handover.choose", 0);
        }
        try {
            Map<String, Integer> counts = handovers.preview(fromUserId, toUserId, user);
            return render(model, user, fromUserId, toUserId, counts, null, 0);
        } catch (HandoverNotAllowedException e) {
            return render(model, user, fromUserId, toUserId, null, e.reasonKey(), 0);
        }
    }

    @PostMapping
    String handOver(
            @RequestParam long fromUserId,
            @RequestParam long toUserId,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = principal.currentUser();
        try {
            handovers.handOver(fromUserId, toUserId, user);
        } catch (HandoverNotAllowedException e) {
            return render(model, user, fromUserId, toUserId, null, e.reasonKey(), 0);
        }
        Flash.success(flash, "handover.done");
        return "redirect:/team/handover";
    }

    private String render(
            Model model,
            CurrentUser user,
            @Nullable Long fromUserId,
            @Nullable Long toUserId,
            @Nullable Map<String, Integer> counts,
            @Nullable String errorKey,
            int page) {
        List<UserRef> departing = handovers.departingCandidates(user);
        List<UserRef> receiving = handovers.receivingCandidates(user);
        model.addAttribute("departing", departing);
        model.addAttribute("receiving", receiving);
        model.addAttribute("fromUserId", fromUserId);
        model.addAttribute("toUserId", toUserId);
        model.addAttribute("fromName", name(departing, fromUserId));
        model.addAttribute("toName", name(receiving, toUserId));
        model.addAttribute("counts", counts);
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("history", handovers.history(page, user));
        return "team/handover";
    }

    private static @Nullable String name(List<UserRef> users, @Nullable Long id) {
        return id == null
                ? null
                : users.stream()
                        .filter(u -> u.id() == id)
                        .map(UserRef::displayName)
                        .findFirst()
                        .orElse(null);
    }
}
