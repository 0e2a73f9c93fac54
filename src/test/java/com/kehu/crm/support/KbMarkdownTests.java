package com.kehu.crm.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KbMarkdownTests {

    final KbMarkdown markdown = new KbMarkdown();

    @Test
    void rendersMarkdown() {
        assertThat(markdown.toHtml("# 退款流程\n\n**先核对订单**，再 [提交申请](https://kehu.example/refund)。"))
                .contains("<h1>退款流程</h1>", "<strong>先核对订单</strong>", "href=\"https://kehu.example/refund\"");
    }

    @Test
    void escapesRawHtml() {
        String html = markdown.toHtml("Hello <script>alert('x')</script>\n\n<img src=x onerror=alert(1)>");

        assertThat(html)
                .doesNotContain("<script>", "<img")
                .contains("&lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void dropsUnsafeLinkTargets() {
        String html = markdown.toHtml(
                "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) ![img](JavaScript:alert(2))"
                        + " [tab](java&#9;script:alert(3)) [vb](VBScript:msgbox) [ok](/kb/articles/1)");

        assertThat(html.toLowerCase()).doesNotContain("script:", "data:text");
        assertThat(html).contains(">click</a>", "href=\"\"", "href=\"/kb/articles/1\"");
    }
}
