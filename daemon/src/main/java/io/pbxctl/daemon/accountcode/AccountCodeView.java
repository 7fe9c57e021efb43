package io.pbxctl.daemon.accountcode;

import java.time.Instant;

/** An account code as shown to clients; generatedCode is set only in the response that generated it. */
record AccountCodeView(Long id, Long userId, String label, String generatedCode, Instant updatedAt) {
}
