package com.kehu.crm.order;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SalesOrderRepository extends JpaRepository<SalesOrder, Long> {

    /** Locks the order row until commit, so two payments arriving together cannot both pass the outstanding check. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SalesOrder o where o.id = :id")
    Optional<SalesOrder> findForUpdate(long id);

    @Query(value = "select nextval('sales_order_number_seq')", nativeQuery = true)
    long nextOrderNumber();
}
