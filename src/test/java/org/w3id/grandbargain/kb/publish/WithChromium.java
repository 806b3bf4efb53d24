package org.w3id.grandbargain.kb.publish;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Runs a test class only where Debian's chromium and chromium-driver are installed ({@code .ci/run}
 * installs them, so in CI the class always runs); elsewhere it is reported as skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(
    value = "org.w3id.grandbargain.kb.publish.HeadlessChromium#available",
    disabledReason =
        "Debian's chromium and chromium-driver are not installed here; .ci/run installs them")
@interface WithChromium {}
