import TriageCLI

await TriageCommand.main()
