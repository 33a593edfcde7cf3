package ru.profkom.demo;

import java.util.HashMap;
import java.util.Map;
import org.springframework.web.context.request.RequestAttributes;

/** A request scope without a servlet request, for work run as an account outside the web layer. */
final class RequestScope implements RequestAttributes {

    private final Map<String, Object> attributes = new HashMap<>();

    @Override
    public Object getAttribute(String name, int scope) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value, int scope) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name, int scope) {
        attributes.remove(name);
    }

    @Override
    public String[] getAttributeNames(int scope) {
        return attributes.keySet().toArray(String[]::new);
    }

    @Override
    public void registerDestructionCallback(String name, Runnable callback, int scope) {
        // Nothing outlives the work, so there is nothing to destroy later.
    }

    @Override
    public Object resolveReference(String key) {
        return null;
    }

    @Override
    public String getSessionId() {
        return "profkom-command-line";
    }

    @Override
    public Object getSessionMutex() {
        return this;
    }
}
