package com.kehu.crm.identity;

import com.kehu.crm.shared.handover.HandoverParticipant;
import com.kehu.crm.shared.web.PageView;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands all of a departing rep's work (customers, open leads, open deals, open tasks: whatever the modules'
 * {@link HandoverParticipant}s move) to another active rep, in one transaction, and records it. Managers hand over
 * their own team's reps to their own team; admins anyone to any active seller. Identity knows only the shared
 * interface, not the modules behind it.
 */
@Service
public class HandoverService {

    private final List<HandoverParticipant> participants;
    private final HandoverRepository handovers;
    private final UserQueries users;
    private final UserRepository userRepository;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public HandoverService(
            List<HandoverParticipant> participants,
            HandoverRepository handovers,
            UserQueries users,
            UserRepository userRepository,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.participants = List.copyOf(participants);
        this.handovers = handovers;
        this.users = users;
        this.userRepository = userRepository;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The reps whose work the user may hand over: a manager's team (not themselves), or every seller. */
    public List<UserRef> departingCandidates(CurrentUser user) {
        requireManagerOrAdmin(user);
        if (!user.isAdmin() && user.teamId() == null) {
            return List.of();
        }
        return userRepository.findHandoverCandidates(
                Set.of(Role.SALES_REP, Role.MANAGER), user.isAdmin() ? null : user.teamId(), user.id());
    }

    /** Active sellers who may receive the work. */
    public List<UserRef> receivingCandidates(CurrentUser user) {
        requireManagerOrAdmin(user);
        return users.assignableOwners(user);
    }

    /**
     * What the handover would move, per kind: the same statements run and are rolled back, so the counts are
     * exactly what "confirm" does at this moment.
     */
    public Map<String, Integer> preview(long fromUserId, long toUserId, CurrentUser user) {
        check(fromUserId, toUserId, user);
        return Objects.requireNonNull(transactions.execute(status -> {
            status.setRollbackOnly();
            return moveAll(fromUserId, toUserId);
        }));
    }

    /** Moves everything and records the handover; all or nothing. Returns the record's id. */
    public long handOver(long fromUserId, long toUserId, CurrentUser user) {
        check(fromUserId, toUserId, user);
        return Objects.requireNonNull(transactions.execute(status -> {
            Map<String, Integer> counts = moveAll(fromUserId, toUserId);
            return handovers
                    .save(new Handover(user.id(), fromUserId, toUserId, counts, clock.instant()))
                    .getId();
        }));
    }

    /** Past handovers: all for an admin, those involving the team for a manager. */
    public PageView<HandoverRow> history(int page, CurrentUser user) {
        requireManagerOrAdmin(user);
        PageRequest request = PageRequest.of(Math.max(page, 0), 20);
        Page<Handover> result;
        if (user.isAdmin()) {
            result = handovers.findAllByOrderByPerformedAtDesc(request);
        } else {
            Set<Long> team = users.ownerScope(user).ownerIds();
            result = handovers.findByFromUserIdInOrToUserIdInOrderByPerformedAtDesc(team, team, request);
        }
        Set<Long> ids = new HashSet<>();
        result.forEach(h -> ids.addAll(List.of(h.getPerformedBy(), h.getFromUserId(), h.getToUserId())));
        Map<Long, UserRef> refs = users.refsByIds(ids);
        List<HandoverRow> rows = result.getContent().stream()
                .map(h -> new HandoverRow(
                        Objects.requireNonNull(h.getId()),
                        name(refs, h.getPerformedBy()),
                        name(refs, h.getFromUserId()),
                        name(refs, h.getToUserId()),
                        h.getPerformedAt(),
                        Map.copyOf(h.getCounts())))
                .toList();
        return new PageView<>(rows, 20, result.getNumber(), result.getTotalElements(), true);
    }

    private Map<String, Integer> moveAll(long fromUserId, long toUserId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (HandoverParticipant participant : participants) {
            participant.handOver(fromUserId, toUserId).forEach((k, v) -> counts.merge(k, v, Integer::sum));
        }
        return counts;
    }

    private void check(long fromUserId, long toUserId, CurrentUser user) {
        requireManagerOrAdmin(user);
        if (fromUserId == toUserId) {
            throw new HandoverNotAllowedException("handover.sameUser", "Cannot hand over to the same user");
        }
        boolean fromAllowed =
                departingCandidates(user).stream().map(UserRef::id).anyMatch(id -> id == fromUserId);
        if (!fromAllowed) {
            throw new HandoverNotAllowedException("handover.fromNotAllowed", "User " + fromUserId + " not in scope");
        }
        boolean toAllowed = receivingCandidates(user).stream().map(UserRef::id).anyMatch(id -> id == toUserId);
        if (!toAllowed) {
            throw new HandoverNotAllowedException("handover.toNotAllowed", "User " + toUserId + " not assignable");
        }
    }

    private static void requireManagerOrAdmin(CurrentUser user) {
        if (!user.isManager() && !user.isAdmin()) {
            throw new AccessDeniedException("Only managers and admins hand over work");
        }
    }

    private static String name(Map<Long, UserRef> refs, long id) {
        UserRef ref = refs.get(id);
        return ref == null ? "#" + id : ref.displayName();
    }
}
