import TriageCLI

await TriageCommand.start()
