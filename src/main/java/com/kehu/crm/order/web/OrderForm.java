package com.kehu.crm.order.web;

import com.kehu.crm.order.OrderDetails;
import com.kehu.crm.order.OrderDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * What the order form posts: the header and a fixed number of line rows, so the form works without JavaScript
 * ("more lines" re-renders it with more blank rows). Totals are not part of it; the server computes them.
 */
@Getter
@Setter
public class OrderForm {

    /** Blank rows offered below the filled ones. */
    static final int BLANK_ROWS = 5;

    static final int MAX_ROWS = 200;

    private long customerId;

    private @Nullable Long opportunityId;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate orderDate;

    @NotBlank
    @Pattern(regexp = "[A-Za-z]{3}", message = "{order.currency.pattern}")
    private String currency = "";

    private long version;

    @Valid
    private List<OrderLineForm> lines = new ArrayList<>();

    static OrderForm of(OrderDetails order) {
        OrderForm form = new OrderForm();
        form.customerId = order.customerId();
        form.opportunityId = order.sourceOpportunityId();
        form.orderDate = order.orderDate();
        form.currency = order.currency();
        form.version = order.version();
        for (OrderDetails.Line l : order.lines()) {
            OrderLineForm line = new OrderLineForm();
            line.setProductId(l.productId());
            line.setQuantity(l.quantity());
            line.setUnitPrice(l.unitPrice());
            line.setDiscountPercent(l.discountPercent());
            form.lines.add(line);
        }
        return form;
    }

    /** Drops blank rows between filled ones and adds {@code blanks} blank rows at the end. */
    void compactAndPad(int blanks) {
        List<OrderLineForm> filled =
                new ArrayList<>(lines.stream().filter(l -> !l.isBlank()).toList());
        for (int i = 0; i < blanks && filled.size() < MAX_ROWS; i++) {
            filled.add(new OrderLineForm());
        }
        lines = filled;
    }

    void addBlankRows(int blanks) {
        for (int i = 0; i < blanks && lines.size() < MAX_ROWS; i++) {
            lines.add(new OrderLineForm());
        }
    }

    /** The service numbers the filled lines only; this maps {@code lines[k].x} back to the form's row. */
    String formField(String field) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("lines\\[(\\d+)](.*)").matcher(field);
        if (!m.matches()) {
            return field;
        }
        int wanted = Integer.parseInt(m.group(1));
        int filled = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && ++filled == wanted) {
                return "lines[" + i + "]" + m.group(2);
            }
        }
        return field;
    }

    /** A product without a quantity is an error next to that row's quantity. */
    void checkRows(BindingResult result) {
        for (int i = 0; i < lines.size(); i++) {
            OrderLineForm line = lines.get(i);
            if (!line.isBlank() && line.getQuantity() == null) {
                result.rejectValue("lines[" + i + "].quantity", "NotNull");
            }
        }
    }

    OrderDraft toDraft() {
        List<OrderDraft.Line> filled = new ArrayList<>();
        for (OrderLineForm line : lines) {
            if (!line.isBlank() && line.getProductId() != null) {
                filled.add(new OrderDraft.Line(
                        line.getProductId(),
                        line.getQuantity() == null ? BigDecimal.ZERO : line.getQuantity(),
                        line.getUnitPrice(),
                        line.getDiscountPercent()));
            }
        }
        return new OrderDraft(
                customerId, opportunityId, orderDate == null ? LocalDate.now() : orderDate, currency, filled);
    }
}
