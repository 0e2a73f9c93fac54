package com.kehu.crm.order;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.domain.EditConflictException;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commands on the price list; managers and admins only. */
@Service
@Transactional
@RequiredArgsConstructor
public class ProductService {

    private final ProductRepository products;
    private final ProductCategoryService categories;

    public long create(ProductData data, CurrentUser user) {
        requireManager(user);
        String code = Product.normaliseCode(data.code());
        if (products.existsByCode(code)) {
            throw duplicate(code);
        }
        Long categoryId = categories.resolve(data.category(), null);
        return products.saveAndFlush(new Product(data, categoryId)).getId();
    }

    public void update(long id, long expectedVersion, ProductData data, CurrentUser user) {
        requireManager(user);
        Product product = products.findById(id).orElseThrow(() -> ProductNotFoundException.forId(id));
        if (product.getVersion() != expectedVersion) {
            throw new EditConflictException("Product " + id, expectedVersion, product.getVersion());
        }
        String code = Product.normaliseCode(data.code());
        if (products.existsByCodeAndIdNot(code, id)) {
            throw duplicate(code);
        }
        product.update(data, categories.resolve(data.category(), product.getCategoryId()));
    }

    /** Products are never deleted: old order lines keep pointing at them. */
    public void deactivate(long id, CurrentUser user) {
        requireManager(user);
        products.findById(id)
                .orElseThrow(() -> ProductNotFoundException.forId(id))
                .deactivate();
    }

    private static OrderRuleException duplicate(String code) {
        return new OrderRuleException("product.code.duplicate", "code", "Product code " + code + " exists", code);
    }

    private static void requireManager(CurrentUser user) {
        if (!Products.canManage(user)) {
            throw new AccessDeniedException("Role " + user.role() + " cannot change the price list");
        }
    }
}
