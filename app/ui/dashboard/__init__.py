"""The Dashboard page: charts of the dashboard service, each exportable as CSV and PNG."""
