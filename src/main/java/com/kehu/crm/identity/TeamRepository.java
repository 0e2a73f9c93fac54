package com.kehu.crm.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TeamRepository extends JpaRepository<Team, Long> {

    Optional<Team> findByName(String name);

    @Query("select new com.kehu.crm.identity.TeamRef(t.id, t.name) from Team t order by t.name")
    List<TeamRef> findAllRefs();
}
