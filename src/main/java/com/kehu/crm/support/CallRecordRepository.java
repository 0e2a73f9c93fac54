package com.kehu.crm.support;

import org.springframework.data.jpa.repository.JpaRepository;

interface CallRecordRepository extends JpaRepository<CallRecord, Long> {}
