import KMapCommands

KMap.main()
