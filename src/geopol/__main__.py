from geopol.cli.app import main

main()
