package io.pbxctl.agi.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import io.pbxctl.agi.contract.Variables;
import java.net.InetAddress;
import java.util.List;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.mockito.InOrder;

/**
 * One FastAGI request against a mocked channel: what Asterisk sends (arguments, unique id,
 * digits the caller types) and the SET VARIABLE commands the script answers with, in order.
 */
final class AgiCall {

    static final String CALL_ID = "1715306400.42";

    final AgiRequest request = mock(AgiRequest.class);
    final AgiChannel channel = mock(AgiChannel.class);

    private AgiCall(String[] arguments) {
        when(request.getArguments()).thenReturn(arguments);
        when(request.getUniqueId()).thenReturn(CALL_ID);
        when(request.getRemoteAddress()).thenReturn(InetAddress.getLoopbackAddress());
    }

    /** A request with these arguments (the AGI URL's path segments after the script name). */
    static AgiCall with(String... arguments) {
        return new AgiCall(arguments);
    }

    AgiCall uniqueId(String uniqueId) {
        when(request.getUniqueId()).thenReturn(uniqueId);
        return this;
    }

    /** What GET DATA returns, one entry per prompt: digits, "" for a timeout, "-1" for a hangup. */
    AgiCall typing(String first, String... more) throws AgiException {
        when(channel.getData(anyString(), anyLong(), anyInt())).thenReturn(first, more);
        return this;
    }

    /**
     * Runs the script and returns every SET VARIABLE as NAME=value, in the order sent. Checks on
     * the way that PBX_RESULT is set once and that nothing at all reaches the channel after it.
     */
    List<String> run(PbxScript script) throws AgiException {
        script.service(request, channel);
        InOrder order = inOrder(channel);
        order.verify(channel).sendCommand(argThat(command -> command instanceof SetVariableCommand set
                && set.getVariable().equals(Variables.RESULT)));
        order.verifyNoMoreInteractions();
        List<String> set = mockingDetails(channel).getInvocations().stream()
                .filter(invocation -> invocation.getMethod().getName().equals("sendCommand"))
                .map(invocation -> invocation.getArgument(0))
                .filter(SetVariableCommand.class::isInstance)
                .map(SetVariableCommand.class::cast)
                .map(command -> command.getVariable() + "=" + command.getValue())
                .toList();
        assertThat(set).filteredOn(variable -> variable.startsWith(Variables.RESULT + "=")).hasSize(1);
        return set;
    }
}
