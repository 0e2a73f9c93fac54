package com.kehu.crm.activity.web;

import com.kehu.crm.activity.MyDay;
import com.kehu.crm.identity.CrmUserDetails;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "My day" (我的一天): the seller's own tasks, follow-ups, leads about to return to the pool and deals closing. */
@Controller
@RequiredArgsConstructor
class MyDayController {

    private final MyDay myDay;

    @GetMapping("/my-day")
    String myDay(@AuthenticationPrincipal CrmUserDetails principal, Model model) {
        model.addAttribute("day", myDay.of(principal.currentUser()));
        return "activities/my-day";
    }
}
