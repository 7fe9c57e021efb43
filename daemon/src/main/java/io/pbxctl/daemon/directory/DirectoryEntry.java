package io.pbxctl.daemon.directory;

import java.util.List;

/** One person in a tenant's directory. */
record DirectoryEntry(Long userId, String name, String department, String email, String realNumber, List<String> extensions,
        List<DeviceEntry> devices) {

    /** A device by SIP username and kind; live registration status arrives with the AMI connection. */
    record DeviceEntry(String sipUsername, String kind) {
    }
}
