package io.pbxctl.daemon.cdr;

import java.time.Instant;

/**
 * One call record as clients see it: names next to ids, the account code's owner and label but
 * never the code, whether the call was recorded (with the file the dialplan recorded to), and
 * whether that recording can be played now (registered, not empty, not deleted).
 */
record CallRecordView(long id, Instant startedAt, Instant answeredAt, Instant endedAt, int durationSeconds, int talkSeconds,
        String direction, String disposition, Long userId, String userName, Long departmentId, String departmentName,
        Long deviceId, Long peerUserId, String peerUserName, Long accountCodeOwnerId, String accountCodeOwnerName,
        String accountCodeLabel, String callerNumber, String callerName, String dialledNumber, boolean recorded,
        String recordingFile, boolean recordingAvailable) {
}
