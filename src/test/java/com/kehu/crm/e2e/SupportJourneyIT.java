package com.kehu.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.customer.CustomerDetailsData;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerService;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.RegisterCustomer;
import com.kehu.crm.customer.RelationCategory;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.support.KbArticleData;
import com.kehu.crm.support.KbService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The support journey of issue 4 in a real browser: an agent takes a call and finds the caller's customer by the
 * phone number, logs a complaint, resolves it with a knowledge-base article and closes it; the customer answers the
 * satisfaction survey through the public link, without an account.
 */
class SupportJourneyIT extends BrowserTest {

    @Autowired
    CustomerService customers;

    @Autowired
    KbService kb;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    CurrentUser user(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    @Test
    void anAgentResolvesAComplaintAndTheCustomerAnswersTheSurvey() {
        int n = ThreadLocalRandom.current().nextInt(1000, 10_000);
        String company = "宁波海天物流有限公司" + n;
        String phone = "0574-8765 " + n;
        customers.register(
                new RegisterCustomer(
                        CustomerKind.ENTERPRISE,
                        null,
                        new CustomerDetailsData(
                                company,
                                phone,
                                null,
                                null,
                                null,
                                null,
                                null,
                                RelationCategory.B2B,
                                Importance.VIP,
                                CustomerStatus.ACTUAL,
                                List.of(),
                                Map.of()),
                        null),
                user("rep1"));
        String article = "货物破损的补发流程 " + n;
        kb.create(
                new KbArticleData(article, "1. 核实照片\n2. **当天补发**\n3. 电话回访客户", null, List.of("物流")),
                true,
                user("agent1"));

        // The call comes in: the number finds the customer
        driver.get(url("/calls/new"));
        signIn("agent1", "kehu-demo");
        WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone")));
        number.sendKeys("+86 574 8765 " + n);
        // +86 574 … finds the customer stored as 0574-…: the agent confirms the caller
        WebElement match = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#call-match input[name=customerId]:not(#match-none)")));
        assertThat(driver.findElement(By.id("call-match")).getText()).contains(company);
        driver.findElement(By.cssSelector("label[for='" + match.getAttribute("id") + "']"))
                .click();
        screenshot("20-call-match");
        driver.findElement(By.id("save-call")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("call-table")));
        assertThat(driver.findElement(By.id("call-table")).getText()).contains(company);

        // A complaint, logged from the caller's number
        driver.get(url("/tickets/new"));
        WebElement q = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-q")));
        q.sendKeys(phone.substring(0, 9));
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(company)))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-form")));
        assertThat(driver.findElement(By.id("customer-panel")).getText()).contains(company);
        driver.findElement(By.id("subject")).sendKeys("到货外箱破损，三件货物损坏");
        new Select(driver.findElement(By.id("type"))).selectByValue("COMPLAINT");
        new Select(driver.findElement(By.id("channel"))).selectByValue("PHONE");
        new Select(driver.findElement(By.id("priority"))).selectByValue("HIGH");
        new Select(driver.findElement(By.id("categoryId"))).selectByVisibleText("Delivery");
        driver.findElement(By.id("description")).sendKeys("客户来电：11月20日到货，外箱破损。");
        screenshot("21-ticket-new");
        driver.findElement(By.id("save-ticket")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-subject")));
        long ticket = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/tickets/(\\d+).*", "$1"));

        // The agent takes it, works it and finds the solution in the knowledge base
        driver.findElement(By.id("claim-ticket")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("status-IN_PROGRESS")))
                .click();
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kb-q-" + ticket)));
        search.sendKeys("破损", Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#ticket-kb .kb-link")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-kb"), article));
        assertThat(jdbc.sql("select use_count from kb_article where title = ?")
                        .param(article)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // Resolved with the remedy, then closed
        driver.findElement(By.id("resolutionSummary")).sendKeys("按知识库流程当天补发三件货物，已电话确认。");
        driver.findElement(By.id("remedialAction")).sendKeys("补发货物并赠送下次运费");
        driver.findElement(By.id("resolve-ticket")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("status-CLOSED")))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("ticket-status"), "Closed"));
        screenshot("22-ticket-closed");

        // Closing invited the customer to the survey: the agent creates the link to send
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#survey-invitation button")))
                .click();
        String link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-link-url")))
                .getAttribute("value");
        assertThat(link).contains("/s/");
        assertNoBrowserErrors();
        signOut();

        // The customer answers on the public page, without an account
        driver.get(link);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-form")));
        screenshot("23-survey-public");
        script("""
                document.querySelectorAll('fieldset.survey-scale').forEach(function (scale) {
                    var labels = scale.querySelectorAll('label');
                    labels[labels.length - 2].click();
                });""");
        driver.findElement(By.id("comment")).sendKeys("处理很快，谢谢！");
        driver.findElement(By.id("survey-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-message")));
        screenshot("24-survey-thanks");
        assertThat(jdbc.sql("select overall, recommend from survey_response where ticket_id = ?")
                        .param(ticket)
                        .query((rs, i) -> rs.getInt(1) + "/" + rs.getInt(2))
                        .single())
                .isEqualTo("4/9");

        // The link works once
        driver.get(link);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-message")));
        assertThat(driver.findElements(By.id("survey-form"))).isEmpty();
        assertNoBrowserErrors();
    }
}
