package com.kehu.crm.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("select u.id from User u where u.team.id = :teamId")
    List<Long> findIdsByTeamId(Long teamId);

    /** The manager of the user's team, unless the user is that manager (or has no team). */
    @Query("select t.managerId from User u join u.team t where u.id = :userId and t.managerId <> u.id")
    Optional<Long> findTeamManagerId(long userId);

    @Query("""
            select new com.kehu.crm.identity.UserRef(u.id, u.username, u.displayName)
            from User u where u.id in :ids""")
    List<UserRef> findRefsByIdIn(Collection<Long> ids);

    @Query("""
            select new com.kehu.crm.identity.UserRef(u.id, u.username, u.displayName)
            from User u where u.enabled = true and u.role in :roles and (:teamId is null or u.team.id = :teamId)
            order by u.displayName""")
    List<UserRef> findAssignable(Collection<Role> roles, @Nullable Long teamId);

    /** Sellers, enabled or not (a departing rep is often already disabled), of a team or of all teams. */
    @Query("""
            select new com.kehu.crm.identity.UserRef(u.id, u.username, u.displayName)
            from User u where u.role in :roles and u.id <> :excludeId and (:teamId is null or u.team.id = :teamId)
            order by u.displayName""")
    List<UserRef> findHandoverCandidates(Collection<Role> roles, @Nullable Long teamId, long excludeId);

    @Query(value = """
            select new com.kehu.crm.identity.UserRow(u.id, u.username, u.displayName, u.role, t.name, u.enabled,
                   u.preferredLanguage)
            from User u left join u.team t
            where (:term = '' or lower(u.username) like :pattern or lower(u.displayName) like :pattern)
            order by u.username""", countQuery = """
            select count(u) from User u
            where (:term = '' or lower(u.username) like :pattern or lower(u.displayName) like :pattern)""")
    Page<UserRow> search(String term, String pattern, Pageable pageable);

    @Query("select u.id, t.name from User u join u.team t where u.id in :ids")
    List<Object[]> findTeamNames(Collection<Long> ids);

    @Query("select u from User u left join fetch u.team where u.username = :username")
    Optional<User> findForLogin(String username);

    @Query("select u from User u left join fetch u.team where u.id = :id")
    Optional<User> findWithTeamById(Long id);
}
