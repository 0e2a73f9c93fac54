package com.kehu.crm.order;

import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerService;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.sales.OpportunityRef;
import com.kehu.crm.sales.PipelineStage;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.audit.AuditSnapshot;
import com.kehu.crm.shared.audit.AuditedType;
import com.kehu.crm.shared.domain.EditConflictException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on sales orders. An order is changed by whoever may change its customer; every method checks that
 * before it touches anything, and a rule the order refuses rolls the whole transaction back.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class OrderService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SalesOrderRepository orders;
    private final ProductRepository products;
    private final CustomerQueries customerQueries;
    private final CustomerService customers;
    private final OpportunityQueries opportunities;
    private final PurchaseHistory purchases;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    public long create(OrderDraft draft, CurrentUser user) {
        switch (customerQueries.accessTo(draft.customerId(), user)) {
            case NONE -> throw CustomerNotFoundException.forId(draft.customerId());
            case READ -> throw new AccessDeniedException("Read-only access to customer " + draft.customerId());
            case WRITE -> {}
        }
        if (draft.opportunityId() != null) {
            requireWonOpportunityOf(draft.opportunityId(), draft.customerId(), user);
        }
        Instant now = clock.instant();
        SalesOrder order = new SalesOrder(
                orderNumber(Year.now(clock).getValue(), orders.nextOrderNumber()),
                draft.customerId(),
                draft.opportunityId(),
                draft.orderDate(),
                draft.currency(),
                user.id(),
                now);
        order.replaceLines(price(draft.lines(), order.getCurrency()));
        long id = orders.saveAndFlush(order).getId();
        audit.changes(AuditedType.ORDER, id, user.id(), AuditSnapshot.diff(AuditSnapshot.NONE, order.auditSnapshot()));
        return id;
    }

    /** A full edit of a draft: date, currency and all lines. */
    public void update(long id, long expectedVersion, OrderDraft draft, CurrentUser user) {
        SalesOrder order = loadForWrite(id, user, false);
        if (order.getVersion() != expectedVersion) {
            throw new EditConflictException("Order " + id, expectedVersion, order.getVersion());
        }
        var before = order.auditSnapshot();
        order.changeHeader(draft.orderDate(), draft.currency());
        order.replaceLines(price(draft.lines(), order.getCurrency()));
        orders.flush();
        audit.changes(AuditedType.ORDER, id, user.id(), AuditSnapshot.diff(before, order.auditSnapshot()));
    }

    public void changeStatus(long id, OrderStatus next, CurrentUser user) {
        SalesOrder order = loadForWrite(id, user, true);
        var before = order.auditSnapshot();
        order.moveTo(next, user.id(), clock.instant());
        audit.changes(AuditedType.ORDER, id, user.id(), AuditSnapshot.diff(before, order.auditSnapshot()));
        if (next == OrderStatus.COMPLETED) {
            customers.recordCompletedOrder(order.getCustomerId(), user.id());
            orders.flush();
            purchases.refresh(java.util.List.of(order.getCustomerId()));
            events.publishEvent(new OrderCompleted(id, order.getCustomerId(), user.id()));
        }
        orders.flush();
    }

    /** Records a payment (回款). The order row stays locked until commit, so concurrent payments queue up. */
    public void recordPayment(long id, NewPayment payment, CurrentUser user) {
        SalesOrder order = loadForWrite(id, user, true);
        var before = order.auditSnapshot();
        order.receivePayment(payment, user.id(), clock.instant());
        orders.flush();
        audit.changes(AuditedType.ORDER, id, user.id(), AuditSnapshot.diff(before, order.auditSnapshot()));
    }

    static String orderNumber(int year, long sequence) {
        return "SO%d%06d".formatted(year, sequence);
    }

    private void requireWonOpportunityOf(long opportunityId, long customerId, CurrentUser user) {
        OpportunityRef deal = opportunities
                .ref(opportunityId, user)
                .orElseThrow(() -> new OrderRuleException(
                        "order.opportunity.notFound", "opportunityId", "No visible opportunity " + opportunityId));
        if (deal.stage() != PipelineStage.WON || deal.customerId() != customerId) {
            throw new OrderRuleException(
                    "order.opportunity.notWon", "opportunityId", "Opportunity " + opportunityId + " is not won here");
        }
    }

    private List<PricedLine> price(List<OrderDraft.Line> lines, String currency) {
        Set<Long> ids = lines.stream().map(OrderDraft.Line::productId).collect(Collectors.toSet());
        Map<Long, Product> byId = ids.isEmpty()
                ? Map.of()
                : products.findByIdIn(ids).stream().collect(Collectors.toMap(Product::getId, Function.identity()));
        List<PricedLine> priced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderDraft.Line line = lines.get(i);
            String prefix = "lines[" + i + "].";
            Product product = byId.get(line.productId());
            if (product == null || !product.isActive()) {
                throw new OrderRuleException(
                        "order.line.product.unavailable", prefix + "productId", "Product unavailable");
            }
            if (!product.getCurrency().equals(currency)) {
                throw new OrderRuleException(
                        "order.line.product.currency",
                        prefix + "productId",
                        "Product " + product.getCode() + " is priced in " + product.getCurrency(),
                        product.getCode(),
                        product.getCurrency());
            }
            if (line.quantity().signum() <= 0) {
                throw new OrderRuleException("order.line.quantity.positive", prefix + "quantity", "Quantity <= 0");
            }
            BigDecimal price = line.unitPrice() == null ? product.getListPrice() : line.unitPrice();
            if (price.signum() < 0) {
                throw new OrderRuleException("order.line.unitPrice.negative", prefix + "unitPrice", "Price < 0");
            }
            BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
            if (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0) {
                throw new OrderRuleException(
                        "order.line.discount.range", prefix + "discountPercent", "Discount not in 0-100");
            }
            priced.add(new PricedLine(product.getId(), line.quantity(), price, discount, product.getUnitCost()));
        }
        return priced;
    }

    private SalesOrder loadForWrite(long id, CurrentUser user, boolean lock) {
        SalesOrder order = (lock ? orders.findForUpdate(id) : orders.findById(id))
                .orElseThrow(() -> OrderNotFoundException.forId(id));
        CustomerAccessLevel level = customerQueries.accessTo(order.getCustomerId(), user);
        if (level == CustomerAccessLevel.NONE) {
            throw OrderNotFoundException.forId(id);
        }
        if (level == CustomerAccessLevel.READ) {
            throw new AccessDeniedException("Read-only access to order " + id);
        }
        return order;
    }
}
