package com.kehu.crm.sales;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OpportunityRepository extends JpaRepository<Opportunity, Long> {

    @Query("select c from OpportunityStageChange c where c.opportunity.id = :id order by c.changedAt desc, c.id desc")
    List<OpportunityStageChange> findStageHistory(long id);
}
