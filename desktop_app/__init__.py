"""Theo dõi Kế hoạch chuyển đổi số cấp xã: commune digital-transformation plan tracker."""

__version__ = "0.1.0"
