import TriageCommandSupport
import TriageRegistryCommand

await RegistryCheckCommand.start()
