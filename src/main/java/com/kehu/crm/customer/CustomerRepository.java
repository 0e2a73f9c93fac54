package com.kehu.crm.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    boolean existsByCode(String code);

    @Query(value = "select nextval('customer_code_seq')", nativeQuery = true)
    long nextCodeNumber();

    @Query("""
            select c from CustomerStatusChange c where c.customer.id = :customerId order by c.changedAt desc, c.id desc""")
    List<CustomerStatusChange> findStatusHistory(long customerId);
}
