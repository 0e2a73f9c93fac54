package com.kehu.crm.marketing;

import org.springframework.data.jpa.repository.JpaRepository;

interface CareItemRepository extends JpaRepository<CareItem, Long> {}
