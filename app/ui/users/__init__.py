"""The Users view: the account table, its model and the account dialogs."""
