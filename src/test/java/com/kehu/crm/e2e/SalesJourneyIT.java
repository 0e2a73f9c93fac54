package com.kehu.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.order.ProductData;
import com.kehu.crm.order.ProductService;
import com.kehu.crm.sales.LeadService;
import com.kehu.crm.sales.LeadSource;
import com.kehu.crm.sales.NewLead;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The sales rep's journey of issue 3 in a real browser: claim a lead from the public pool, qualify and convert it
 * into a customer with a deal, drag the deal across the board, win it, create the order from it and record the
 * payment; then the rep's manager finds the won deal on the team board.
 */
class SalesJourneyIT extends BrowserTest {

    @Autowired
    LeadService leads;

    @Autowired
    ProductService products;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    CurrentUser user(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    @Test
    void aRepTurnsALeadIntoAPaidOrderAndTheManagerSeesTheWonDeal() {
        int n = ThreadLocalRandom.current().nextInt(10_000, 100_000);
        String company = "苏州精测仪器有限公司" + n;
        String dealName = "产线传感器改造 " + n;
        String productCode = "SENSOR-" + n;
        long product = products.create(
                new ProductData(
                        productCode, "工业压力传感器", "件", new BigDecimal("1200.00"), new BigDecimal("700.00"), "CNY", true),
                user("manager"));
        long lead = leads.create(
                new NewLead(
                        company,
                        "周经理",
                        "138 0013 " + n % 10_000,
                        "zhou" + n + "@example.cn",
                        LeadSource.EXHIBITION,
                        null,
                        false),
                user("manager"));

        // The rep finds the lead in the public pool and claims it
        driver.get(url("/leads?view=POOL"));
        signIn("rep1", "kehu-demo");
        WebElement q = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        q.sendKeys(company + "\n");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(company)))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lead-name"), company));
        screenshot("10-lead-pool-detail");
        driver.findElement(By.id("claim-lead")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lead-owner"), "张伟"));

        // Qualification: willing, able to pay, authority to decide
        WebElement qualify = driver.findElement(By.id("qualify-form"));
        for (String answer : new String[] {"willingToBuy", "ableToPay", "hasAuthority"}) {
            qualify.findElement(By.id(answer)).click();
        }
        qualify.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("convert-lead")))
                .click();

        // Conversion: a customer, its contact and a deal, in one step
        WebElement createDeal = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[type=checkbox][name=createOpportunity]")));
        if (!createDeal.isSelected()) {
            createDeal.click();
        }
        replace(By.id("opportunityName"), dealName);
        replace(By.id("amount"), "2400");
        script(
                "arguments[0].value = arguments[1]",
                driver.findElement(By.id("expectedCloseDate")),
                LocalDate.now().plusMonths(1).toString());
        screenshot("11-lead-convert");
        driver.findElement(By.id("convert-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("customer-name"), company));
        assertNoBrowserErrors();

        // The deal on the rep's board: drag it from prospecting to qualification (htmx swaps the board)
        long deal = jdbc.sql("select converted_opportunity_id from lead where id = ?")
                .param(lead)
                .query(Long.class)
                .single();
        driver.get(url("/opportunities/board"));
        WebElement card = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#column-PROSPECTING #deal-" + deal)));
        screenshot("12-pipeline-board");
        dragTo(card, driver.findElement(By.id("column-QUALIFICATION")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#column-QUALIFICATION #deal-" + deal)));
        assertThat(driver.findElement(By.id("board-message")).getText()).contains("moved");

        // On the deal: proposal, then won; the stage history records each move
        driver.findElement(By.cssSelector("#deal-" + deal + " a")).click();
        wait.until(ExpectedConditions.textToBe(By.id("opportunity-name"), dealName));
        moveStage("PROPOSAL");
        moveStage("WON");
        wait.until(ExpectedConditions.textToBe(By.id("opportunity-stage"), "Won"));
        assertThat(driver.findElement(By.id("stage-history")).findElements(By.cssSelector("tbody tr")))
                .hasSize(4);
        screenshot("13-opportunity-won");

        // A won deal offers the order: two sensors at the list price
        driver.findElement(By.id("create-order")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("save-order")));
        new Select(driver.findElement(By.id("lines0.productId"))).selectByValue(String.valueOf(product));
        replace(By.id("lines0.quantity"), "2");
        screenshot("14-order-form");
        driver.findElement(By.id("save-order")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-total")));
        assertThat(driver.findElement(By.id("order-total")).getText()).contains("2,400.00");
        driver.findElement(By.id("status-CONFIRMED")).click();
        wait.until(ExpectedConditions.textToBe(By.id("order-status"), "Confirmed"));

        // The payment received (回款) settles the order
        WebElement payment = driver.findElement(By.id("payment-form"));
        replace(By.id("amount"), "2400");
        script(
                "arguments[0].value = arguments[1]",
                payment.findElement(By.id("paidOn")),
                LocalDate.now().toString());
        driver.findElement(By.id("save-payment")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-paid"), "2,400.00"));
        assertThat(driver.findElement(By.id("order-outstanding")).getText()).contains("0.00");
        screenshot("15-order-paid");
        assertNoBrowserErrors();

        // The manager sees the won deal on the team board
        signOut();
        signIn("manager", "kehu-demo");
        // the sign-in's redirect must land before we navigate, or it can overtake the board and leave us at home
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-menu")));
        driver.get(url("/opportunities/board?scope=TEAM"));
        WebElement won =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#column-WON #deal-" + deal)));
        assertThat(won.getText()).contains(dealName, "张伟");
        screenshot("16-team-board");
        assertNoBrowserErrors();
    }

    private void moveStage(String stage) {
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stage-form")));
        new Select(form.findElement(By.id("stage"))).selectByValue(stage);
        form.findElement(By.id("move-stage")).click();
        wait.until(ExpectedConditions.stalenessOf(form));
    }

    private void replace(By field, String value) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(value);
    }

    /**
     * HTML5 drag and drop, dispatched as the browser would: Selenium's mouse actions do not start native drags in
     * Chromium, so the events go through the page's own handlers (crm.js) exactly as a user's drag does.
     */
    private void dragTo(WebElement card, WebElement column) {
        script("""
                const card = arguments[0], column = arguments[1], data = new DataTransfer();
                card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                column.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
                column.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
                card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: data}));""", card, column);
    }
}
