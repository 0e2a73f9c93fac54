package com.kehu.crm.dataio.web;

import com.kehu.crm.customer.CustomerDetails;
import com.kehu.crm.customer.CustomerMergeService;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.IllegalStatusTransitionException;
import com.kehu.crm.customer.OwnerNotAssignableException;
import com.kehu.crm.dataio.DuplicateCluster;
import com.kehu.crm.dataio.DuplicateClusterMember;
import com.kehu.crm.dataio.DuplicateMerge;
import com.kehu.crm.dataio.DuplicatePair;
import com.kehu.crm.dataio.DuplicateScan;
import com.kehu.crm.dataio.Duplicates;
import com.kehu.crm.dataio.MergeFields;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.domain.RuleViolationException;
import com.kehu.crm.shared.web.Flash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review list of likely duplicate customers, the cluster screen and the side-by-side merge screen. */
@Controller
@RequestMapping("/data/duplicates")
@RequiredArgsConstructor
class DuplicateController {

    private static final int PAGE_SIZE = 50;

    private static final Map<String, String> ENUM_FIELDS = Map.of(
            "region", "Region",
            "industry", "Industry",
            "source", "CustomerSource",
            "relationCategory", "RelationCategory",
            "importance", "Importance",
            "status", "CustomerStatus");

    private final Duplicates duplicates;
    private final DuplicateScan scan;
    private final DuplicateMerge merge;
    private final CustomerMergeService merges;
    private final CustomerQueries customers;

    /** One row of the merge screen: both values and which one is chosen. */
    record FieldRow(
            String field,
            @Nullable String enumType,
            @Nullable Object kept,
            @Nullable Object merged,
            String choice) {}

    /** One column of the cluster screen's field table: a member, its value and whether it is the chosen source. */
    record ClusterCell(long memberId, @Nullable Object value, boolean chosen) {}

    /** One row of the cluster screen: a field and each member's value. */
    record ClusterRow(String field, @Nullable String enumType, List<ClusterCell> cells, boolean union) {}

    @GetMapping
    String list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "0") int cpage,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        int number = Math.max(page, 0);
        int clusterNumber = Math.max(cpage, 0);
        List<DuplicatePair> rows = duplicates.page(principal.currentUser(), number, PAGE_SIZE);
        List<DuplicateCluster> clusters = duplicates.clusters(principal.currentUser(), clusterNumber, PAGE_SIZE);
        model.addAttribute("pairs", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("page", number);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("clusters", clusters.size() > PAGE_SIZE ? clusters.subList(0, PAGE_SIZE) : clusters);
        model.addAttribute("cpage", clusterNumber);
        model.addAttribute("hasNextClusters", clusters.size() > PAGE_SIZE);
        model.addAttribute("oversized", duplicates.oversizedGroups());
        model.addAttribute("scan", scan.status());
        return "data/duplicates";
    }

    @GetMapping("/clusters/{id}")
    String cluster(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long keep,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        return showCluster(id, keep, principal.currentUser(), model);
    }

    @PostMapping("/clusters/{id}/dismiss")
    String dismissCluster(
            @PathVariable long id, @AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        duplicates.dismissCluster(id, principal.currentUser());
        Flash.success(flash, "duplicates.cluster.dismissed");
        return "redirect:/data/duplicates";
    }

    @PostMapping("/clusters/{id}")
    String mergeCluster(
            @PathVariable long id,
            @RequestParam long keep,
            @RequestParam(name = "members", required = false) @Nullable List<Long> members,
            @RequestParam Map<String, String> params,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        Map<Long, Long> versions = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("v_") && name.length() > 2 && value.matches("\\d{1,18}")) {
                String idPart = name.substring(2);
                if (idPart.matches("\\d{1,18}")) {
                    versions.put(Long.valueOf(idPart), Long.valueOf(value));
                }
            }
        });
        for (String field : MergeFields.FIELDS) {
            String value = params.get("f_" + field);
            if (value != null) {
                sources.put(field, value);
            }
        }
        if (members == null || members.stream().allMatch(m -> m == keep)) {
            model.addAttribute("errorKey", "duplicates.cluster.noneSelected");
            return showCluster(id, keep, principal.currentUser(), model);
        }
        try {
            merge.mergeCluster(id, keep, members, versions, sources, principal.currentUser());
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            model.addAttribute("errorKey", "duplicates.merge.conflict");
            return showCluster(id, keep, principal.currentUser(), model);
        } catch (RuleViolationException e) {
            model.addAttribute("errorKey", e.reasonKey());
            return showCluster(id, keep, principal.currentUser(), model);
        } catch (IllegalStatusTransitionException e) {
            model.addAttribute("errorKey", "customer.status.notAllowed");
            return showCluster(id, keep, principal.currentUser(), model);
        } catch (OwnerNotAssignableException e) {
            model.addAttribute("errorKey", "customer.owner.notAssignable");
            return showCluster(id, keep, principal.currentUser(), model);
        }
        Flash.success(flash, "duplicates.cluster.merged");
        return "redirect:/customers/" + keep;
    }

    private String showCluster(long id, @Nullable Long keep, CurrentUser user, Model model) {
        DuplicateCluster cluster = duplicates.cluster(id, user);
        List<DuplicateClusterMember> members = duplicates.members(id, user);
        DuplicateClusterMember kept = members.stream()
                .filter(m -> keep != null && m.id() == keep)
                .findFirst()
                .orElse(members.get(0));
        List<ClusterRow> rows = new ArrayList<>();
        for (String field : MergeFields.FIELDS) {
            boolean union = field.equals("tags") || field.equals("profile");
            // the kept value unless it is empty, then the first member that has one
            long source = kept.id();
            if (isEmpty(kept.value(field))) {
                source = members.stream()
                        .filter(m -> !isEmpty(m.value(field)))
                        .map(DuplicateClusterMember::id)
                        .findFirst()
                        .orElse(kept.id());
            }
            List<ClusterCell> cells = new ArrayList<>();
            for (DuplicateClusterMember m : members) {
                cells.add(new ClusterCell(m.id(), m.value(field), !union && m.id() == source));
            }
            rows.add(new ClusterRow(field, ENUM_FIELDS.get(field), cells, union));
        }
        model.addAttribute("cluster", cluster);
        model.addAttribute("members", members);
        model.addAttribute("kept", kept);
        model.addAttribute("rows", rows);
        return "data/duplicate-cluster";
    }

    private static boolean isEmpty(@Nullable Object value) {
        return value == null || value.toString().isBlank();
    }

    @GetMapping("/scan")
    String scanStatus(Model model) {
        model.addAttribute("scan", scan.status());
        return "data/duplicates :: scan";
    }

    @PostMapping("/scan")
    String startScan(@AuthenticationPrincipal CrmUserDetails principal, RedirectAttributes flash) {
        Flash.success(
                flash, scan.start(principal.currentUser()) ? "duplicates.scan.started" : "duplicates.scan.already");
        return "redirect:/data/duplicates";
    }

    @PostMapping("/{a}/{b}/dismiss")
    String dismiss(
            @PathVariable long a,
            @PathVariable long b,
            @AuthenticationPrincipal CrmUserDetails principal,
            RedirectAttributes flash) {
        duplicates.dismiss(a, b, principal.currentUser());
        Flash.success(flash, "duplicates.dismissed");
        return "redirect:/data/duplicates";
    }

    @GetMapping("/{a}/{b}")
    String mergeForm(
            @PathVariable long a,
            @PathVariable long b,
            @RequestParam(required = false) @Nullable Long keep,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model) {
        if (a == b) {
            throw CustomerNotFoundException.forId(a);
        }
        long keptId = keep != null && keep == b ? b : a;
        long mergedId = keptId == a ? b : a;
        return show(a, b, keptId, mergedId, Map.of(), principal.currentUser(), model);
    }

    @PostMapping("/{a}/{b}")
    String merge(
            @PathVariable long a,
            @PathVariable long b,
            @RequestParam long keep,
            @RequestParam long keepVersion,
            @RequestParam long mergeVersion,
            @RequestParam Map<String, String> params,
            @AuthenticationPrincipal CrmUserDetails principal,
            Model model,
            RedirectAttributes flash) {
        if (a == b) {
            throw CustomerNotFoundException.forId(a);
        }
        long keptId = keep == b ? b : a;
        long mergedId = keptId == a ? b : a;
        Map<String, String> choices = new LinkedHashMap<>();
        for (String field : MergeFields.FIELDS) {
            String value = params.get("f_" + field);
            if (value != null) {
                choices.put(field, value);
            }
        }
        try {
            merge.merge(keptId, mergedId, keepVersion, mergeVersion, choices, principal.currentUser());
        } catch (EditConflictException | ObjectOptimisticLockingFailureException e) {
            model.addAttribute("errorKey", "duplicates.merge.conflict");
            return show(a, b, keptId, mergedId, choices, principal.currentUser(), model);
        } catch (RuleViolationException e) {
            model.addAttribute("errorKey", e.reasonKey());
            return show(a, b, keptId, mergedId, choices, principal.currentUser(), model);
        } catch (IllegalStatusTransitionException e) {
            model.addAttribute("errorKey", "customer.status.notAllowed");
            return show(a, b, keptId, mergedId, choices, principal.currentUser(), model);
        } catch (OwnerNotAssignableException e) {
            model.addAttribute("errorKey", "customer.owner.notAssignable");
            return show(a, b, keptId, mergedId, choices, principal.currentUser(), model);
        }
        Flash.success(flash, "duplicates.merged");
        return "redirect:/customers/" + keptId;
    }

    private String show(
            long a, long b, long keptId, long mergedId, Map<String, String> choices, CurrentUser user, Model model) {
        Map<String, Integer> moving = merges.preview(keptId, mergedId, user);
        CustomerDetails kept = customers.details(keptId, user);
        CustomerDetails merged = customers.details(mergedId, user);
        Map<String, String> chosen = new LinkedHashMap<>(MergeFields.defaults(kept, merged));
        chosen.putAll(choices);
        List<FieldRow> rows = new ArrayList<>();
        for (String field : MergeFields.FIELDS) {
            rows.add(new FieldRow(
                    field,
                    ENUM_FIELDS.get(field),
                    MergeFields.value(kept, field),
                    MergeFields.value(merged, field),
                    chosen.get(field)));
        }
        model.addAttribute("a", a);
        model.addAttribute("b", b);
        model.addAttribute("kept", kept);
        model.addAttribute("merged", merged);
        model.addAttribute("rows", rows);
        model.addAttribute("moving", moving);
        return "data/merge";
    }
}
