package com.kehu.crm.order;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Product categories end to end: the admin screen (admins only), the category on the product form, the price list's
 * filter and the API, with refusals of unknown and deactivated categories in both languages.
 */
@IntegrationTest
class ProductCategoryIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    long categoryId(String code) {
        return jdbc.sql("select id from product_category where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    String categoryOf(String productCode) {
        return jdbc.sql("""
                        select coalesce(pc.code, '-') from product p left join product_category pc on pc.id = p.category_id
                        where p.code = :c""").param("c", productCode).query(String.class).single();
    }

    MvcTestResult addCategory(String username, String code, String nameEn, String nameZh) {
        return mvc.post()
                .uri("/admin/product-categories")
                .with(user(username))
                .with(csrf())
                .param("code", code)
                .param("nameEn", nameEn)
                .param("nameZh", nameZh)
                .exchange();
    }

    @Test
    void adminsKeepTheCategoriesAndNobodyElse() {
        assertThat(mvc.get().uri("/admin/product-categories").with(user("manager")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(addCategory("manager", "PC_" + unique(), "Tools", "工具")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/product-categories").with(user("admin")))
                .hasStatusOk()
                .hasViewName("admin/product-categories")
                .bodyText()
                .contains("FOOD", "粮油食品", "Office supplies");

        String code = "PC_" + unique();
        assertThat(addCategory("admin", code.toLowerCase(), "Tools", "工具"))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashSuccess", "productCategory.added");
        long id = categoryId(code);
        assertThat(addCategory("admin", code, "Tools again", "工具"))
                .flash()
                .containsEntry("flashError", "productCategory.code.taken");
        assertThat(addCategory("admin", "PC_" + unique(), "No Chinese name", " "))
                .flash()
                .containsEntry("flashError", "productCategory.invalid");
        assertThat(addCategory("admin", "bad code", "Bad", "坏"))
                .flash()
                .containsEntry("flashError", "productCategory.invalid");

        assertThat(mvc.post()
                        .uri("/admin/product-categories/" + id)
                        .with(user("admin"))
                        .with(csrf())
                        .param("nameEn", "Hand tools")
                        .param("nameZh", "手动工具"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post()
                        .uri("/admin/product-categories/" + id + "/move")
                        .with(user("admin"))
                        .with(csrf())
                        .param("up", "true"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post()
                        .uri("/admin/product-categories/" + id + "/active")
                        .with(user("admin"))
                        .with(csrf())
                        .param("active", "false"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("select name_en || '/' || name_zh || '/' || active from product_category where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Hand tools/手动工具/false");
        assertThat(mvc.post()
                        .uri("/admin/product-categories/" + Long.MAX_VALUE)
                        .with(user("admin"))
                        .with(csrf())
                        .param("nameEn", "Ghost")
                        .param("nameZh", "幽灵"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theProductFormOffersActiveCategoriesAndRefusesOthers() {
        String code = "PCF-" + unique();
        assertThat(mvc.get().uri("/products/new").with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .contains("Beverages and tea", "value=\"BEVERAGE\"");
        assertThat(mvc.post()
                        .uri("/products")
                        .with(user("manager"))
                        .with(csrf())
                        .param("code", code)
                        .param("name", "乌龙茶")
                        .param("unit", "盒")
                        .param("listPrice", "98")
                        .param("unitCost", "40")
                        .param("currency", "CNY")
                        .param("category", "BEVERAGE"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/products");
        assertThat(categoryOf(code)).isEqualTo("BEVERAGE");

        // the price list shows the category in the reader's language and filters by it
        assertThat(mvc.get()
                        .uri("/products?q=" + code + "&category=BEVERAGE")
                        .header("Accept-Language", "zh-CN")
                        .with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains(code + "</a>", "饮品茶叶");
        assertThat(mvc.get().uri("/products?q=" + code + "&category=OFFICE").with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(code + "</a>");

        assertThat(mvc.post()
                        .uri("/products")
                        .with(user("manager"))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("code", "PCF-" + unique())
                        .param("name", "未知类别")
                        .param("unit", "个")
                        .param("listPrice", "1")
                        .param("unitCost", "1")
                        .param("currency", "CNY")
                        .param("category", "NO_SUCH"))
                .hasStatusOk()
                .hasViewName("products/form")
                .bodyText()
                .contains("没有此编码的可用产品类别。");
        assertThat(mvc.post()
                        .uri("/products")
                        .with(user("manager"))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("code", "PCF-" + unique())
                        .param("name", "Bad category")
                        .param("unit", "pc")
                        .param("listPrice", "1")
                        .param("unitCost", "1")
                        .param("currency", "CNY")
                        .param("category", "no such!"))
                .hasStatusOk()
                .hasViewName("products/form")
                .bodyText()
                .contains("No active product category with this code.");

        // a category deactivated after the product got it stays on the product when it is saved, but no new product
        // may take it
        String retired = "PC_" + unique();
        assertThat(addCategory("admin", retired, "Retired", "已停用")).hasStatus(HttpStatus.FOUND);
        long productId = jdbc.sql("select id from product where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
        jdbc.sql("update product set category_id = :cat where id = :id")
                .param("cat", categoryId(retired))
                .param("id", productId)
                .update();
        jdbc.sql("update product_category set active = false where code = :c")
                .param("c", retired)
                .update();
        assertThat(mvc.get().uri("/products/" + productId).with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"" + retired + "\"");
        assertThat(mvc.post()
                        .uri("/products/" + productId)
                        .with(user("manager"))
                        .with(csrf())
                        .param("code", code)
                        .param("name", "乌龙茶 礼盒")
                        .param("unit", "盒")
                        .param("listPrice", "98")
                        .param("unitCost", "40")
                        .param("currency", "CNY")
                        .param("category", retired)
                        .param("version", String.valueOf(version(productId))))
                .hasStatus(HttpStatus.FOUND);
        assertThat(categoryOf(code)).isEqualTo(retired);
        assertThat(mvc.get().uri("/products/new").with(user("manager")))
                .bodyText()
                .doesNotContain(retired);
        assertThat(mvc.post()
                        .uri("/products")
                        .with(user("manager"))
                        .with(csrf())
                        .param("code", "PCF-" + unique())
                        .param("name", "Retired category")
                        .param("unit", "pc")
                        .param("listPrice", "1")
                        .param("unitCost", "1")
                        .param("currency", "CNY")
                        .param("category", retired))
                .hasStatusOk()
                .hasViewName("products/form");
    }

    long version(long productId) {
        return jdbc.sql("select version from product where id = :id")
                .param("id", productId)
                .query(Long.class)
                .single();
    }

    @Test
    void theApiReadsAndWritesTheCategoryByCode() {
        String code = "PCA-" + unique();
        MvcTestResult created = mvc.post()
                .uri("/api/v1/products")
                .with(httpBasic("manager", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code": "%s", "name": "复印纸", "unit": "箱", "listPrice": 150, "unitCost": 100,
                         "currency": "CNY", "category": "office"}""".formatted(code))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.category.code").isEqualTo("OFFICE");
        assertThat(created).bodyJson().extractingPath("$.category.nameEn").isEqualTo("Office supplies");
        assertThat(created).bodyJson().extractingPath("$.category.nameZh").isEqualTo("办公用品");
        long id = Long.parseLong(created.getResponse().getHeader("Location").replaceAll(".*/", ""));

        assertThat(mvc.get()
                        .uri("/api/v1/products?q=" + code + "&category=OFFICE")
                        .with(httpBasic("rep1", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.content[0].code")
                .isEqualTo(code);
        assertThat(mvc.get()
                        .uri("/api/v1/products?q=" + code + "&category=FOOD")
                        .with(httpBasic("rep1", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();

        MvcTestResult refused = mvc.put()
                .uri("/api/v1/products/" + id)
                .with(httpBasic("manager", PASSWORD))
                .header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code": "%s", "name": "复印纸", "unit": "箱", "listPrice": 150, "unitCost": 100,
                         "currency": "CNY", "category": "NO_SUCH", "version": %d}""".formatted(code, version(id)))
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("category");
        assertThat(refused).bodyJson().extractingPath("$.errors[0].message").isEqualTo("没有此编码的可用产品类别。");
        assertThat(categoryOf(code)).isEqualTo("OFFICE");

        MvcTestResult cleared = mvc.put()
                .uri("/api/v1/products/" + id)
                .with(httpBasic("manager", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code": "%s", "name": "复印纸", "unit": "箱", "listPrice": 150, "unitCost": 100,
                         "currency": "CNY", "version": %d}""".formatted(code, version(id)))
                .exchange();
        assertThat(cleared).hasStatusOk();
        assertThat(cleared).bodyJson().extractingPath("$.category").isNull();
        assertThat(categoryOf(code)).isEqualTo("-");
    }
}
