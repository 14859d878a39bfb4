import os


class Config:
    # Required: a KeyError at start-up is better than a guessable key (seed 000, S0.1).
    SECRET_KEY = os.environ["FLASK_SECRET_KEY"]
    SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]
    RATELIMIT_STORAGE_URI = os.environ["RATELIMIT_STORAGE_URI"]
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_ENABLED = True
    MAX_CONTENT_LENGTH = 5 * 1024 * 1024
    UPLOAD_FOLDER = "/srv/memo/uploads"


class ProductionConfig(Config):
    DEBUG = False
