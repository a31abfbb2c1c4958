import TriageCLI
import TriageCommandSupport

await TriageCommand.start()
