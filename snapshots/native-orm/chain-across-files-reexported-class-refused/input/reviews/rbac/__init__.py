from .service import RbacService
