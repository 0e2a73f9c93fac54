package com.kehu.crm.identity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface HandoverRepository extends JpaRepository<Handover, Long> {

    Page<Handover> findAllByOrderByPerformedAtDesc(Pageable pageable);

    Page<Handover> findByFromUserIdInOrToUserIdInOrderByPerformedAtDesc(
            java.util.Collection<Long> from, java.util.Collection<Long> to, Pageable pageable);
}
