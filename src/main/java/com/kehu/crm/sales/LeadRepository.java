package com.kehu.crm.sales;

import java.time.Instant;
import java.util.Collection;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LeadRepository extends JpaRepository<Lead, Long> {

    long countByOwnerIdAndStatusIn(long ownerId, Collection<LeadStatus> statuses);

    /**
     * Returns neglected leads to the pool in one statement: safe when two instances run the job at once, since each
     * row is updated by whichever statement gets it first and the second finds nothing left to do.
     */
    @Modifying
    @Query(value = """
            update lead set owner_id = null, claimed_at = null, version = version + 1, updated_at = now()
            where owner_id is not null and status in ('NEW', 'WORKING', 'QUALIFIED')
              and coalesce(last_follow_up_at, claimed_at) < :cutoff""", nativeQuery = true)
    int returnNeglectedToPool(Instant cutoff);
}
