package com.kehu.crm.identity;

import com.kehu.crm.shared.web.PageView;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads about users for other modules and for the admin screens. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class UserQueries {

    private static final Set<Role> OWNER_ROLES = EnumSet.of(Role.SALES_REP, Role.MANAGER);

    private final UserRepository users;
    private final TeamRepository teams;

    /**
     * The owners whose records the user may see by the general rule: a manager their team, an admin everybody,
     * anybody else only themselves. Modules widen it where their own rules say so (support agents read all
     * customers, for example).
     */
    public OwnerScope ownerScope(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN -> OwnerScope.everyone();
            case MANAGER -> {
                Set<Long> ids = new HashSet<>();
                ids.add(user.id());
                if (user.teamId() != null) {
                    ids.addAll(users.findIdsByTeamId(user.teamId()));
                }
                yield OwnerScope.of(ids);
            }
            default -> OwnerScope.of(Set.of(user.id()));
        };
    }

    /** Who a user answers to: their team's manager, if the team has one and it is not the user themselves. */
    public Optional<Long> managerOf(long userId) {
        return users.findTeamManagerId(userId);
    }

    /** The team name of each of these users that is in a team. */
    public Map<Long, String> teamNamesOf(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return users.findTeamNames(Set.copyOf(userIds)).stream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    public Map<Long, UserRef> refsByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findRefsByIdIn(Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(UserRef::id, Function.identity()));
    }

    /** Display names by user id, in one query: the audit history's resolver ({@code users::displayNames}). */
    public Map<Long, String> displayNames(Collection<Long> ids) {
        return refsByIds(ids).values().stream().collect(Collectors.toMap(UserRef::id, UserRef::displayName));
    }

    public Optional<UserRef> refByUsername(String username) {
        return users.findByUsername(User.normalise(username))
                .map(u -> new UserRef(u.getId(), u.getUsername(), u.getDisplayName()));
    }

    /** The people the user may hand a record to: themselves, their team, or (admins) every owner. */
    public List<UserRef> assignableOwners(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN -> users.findAssignable(OWNER_ROLES, null);
            case MANAGER ->
                user.teamId() == null
                        ? refsByIds(List.of(user.id())).values().stream().toList()
                        : users.findAssignable(OWNER_ROLES, user.teamId());
            default -> refsByIds(List.of(user.id())).values().stream().toList();
        };
    }

    /** Every enabled user who can own customers (sales reps and managers), for demo data and bulk loads. */
    public List<UserRef> activeOwners() {
        return users.findAssignable(OWNER_ROLES, null);
    }

    public PageView<UserRow> search(String term, int page, int size) {
        String normalised = term == null ? "" : term.strip().toLowerCase();
        Page<UserRow> result =
                users.search(normalised, "%" + normalised + "%", PageRequest.of(Math.max(page, 0), size));
        return new PageView<>(result.getContent(), size, result.getNumber(), result.getTotalElements(), true);
    }

    public UserDetailsView details(long id) {
        User user = users.findWithTeamById(id).orElseThrow(() -> UserNotFoundException.forId(id));
        return new UserDetailsView(
                user.getId(),
                user.getUsername(),
                user.getDisplayName(),
                user.getRole(),
                user.teamId(),
                user.getPreferredLanguage(),
                user.isEnabled(),
                user.getVersion(),
                user.getPasswordChangedAt());
    }

    public List<TeamRef> teams() {
        return teams.findAllRefs();
    }
}
