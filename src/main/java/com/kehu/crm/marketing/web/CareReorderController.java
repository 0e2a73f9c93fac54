package com.kehu.crm.marketing.web;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.order.ReorderFilter;
import com.kehu.crm.order.ReorderProperties;
import com.kehu.crm.order.ReorderQueries;
import com.kehu.crm.order.ReorderRow;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.shared.web.Urls;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /care/reorder}: the seller's customers due or overdue to reorder (王永庆's rice shop), with a link to log
 * the call. Managers see their team's and may pick one owner; the record rule is applied in {@link ReorderQueries}.
 */
@Controller
@RequiredArgsConstructor
class CareReorderController {

    private final ReorderQueries queries;
    private final ReorderProperties properties;
    private final UserQueries users;
    private final SalesProperties sales;

    @GetMapping("/care/reorder")
    String list(
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable Integer within,
            @RequestParam(required = false) @Nullable Long ownerId,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        CurrentUser user = principal.currentUser();
        PageView<ReorderRow> rows = queries.due(new ReorderFilter(overdue, within, ownerId), page, 25, user);
        model.addAttribute("rows", rows);
        model.addAttribute("pageLinks", Urls.pageLinks(rows));
        model.addAttribute("overdue", overdue);
        model.addAttribute("within", within == null ? properties.lookaheadDays() : within);
        model.addAttribute("ownerId", ownerId);
        model.addAttribute("owners", user.isManager() || user.isAdmin() ? users.assignableOwners(user) : List.of());
        // customer_purchase sums amounts without a currency: they are in the company's (single-currency demo)
        model.addAttribute("currency", sales.currency());
        return "care/reorder";
    }
}
