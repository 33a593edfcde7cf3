/** Small vocabulary every module shares: the acting user, roles, errors, paging and text rules. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package ru.profkom.shared;
